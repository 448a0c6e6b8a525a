"""Prints the CloudFormation template AWS SAM makes of a SAM template (TransformedTemplateTest reads it).

Runs the same translator `sam deploy` runs (aws-sam-translator, which cfn-lint depends on). CodeUri and
DefinitionUri point at local files that only `sam deploy` uploads, so they are replaced with S3 locations first.

    python3 transform.py TEMPLATE > transformed.json
"""
import json
import os
import sys

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names managed policies by ARN only, so no IAM lookup is needed."""

    def load(self):
        return {}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    for name, resource in template.get("Resources", {}).items():
        props = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function":
            props["CodeUri"] = "s3://artifacts/" + name + ".zip"
        elif resource.get("Type") == "AWS::Serverless::StateMachine":
            props["DefinitionUri"] = "s3://artifacts/" + name + ".asl.json"
    try:
        transformed = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(cause, file=sys.stderr)
        return 2
    json.dump(transformed, sys.stdout, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
