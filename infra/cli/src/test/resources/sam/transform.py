"""Prints the CloudFormation template AWS SAM makes of a SAM template (TransformedTemplateTest reads it).

Runs the same translator `sam deploy` runs (aws-sam-translator, which cfn-lint depends on). CloudFormation runs the
AWS::LanguageExtensions transform before it; here expand_for_each does the part of it the template uses (Fn::ForEach
over a list of names in Resources). CodeUri and DefinitionUri point at local files that only `sam deploy` uploads, so
they are replaced with S3 locations first.

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


def substitute(node, identifier, value):
    """The fragment for one value: ${identifier} in keys and strings, and Ref identifier, become the value."""
    placeholder = "${" + identifier + "}"
    if isinstance(node, dict):
        if set(node) == {"Ref"}:
            ref = substitute(node["Ref"], identifier, value)
            if ref == identifier:
                return value
            if isinstance(ref, dict) and set(ref) == {"Fn::Sub"} and isinstance(ref["Fn::Sub"], str):
                return {"Ref": ref["Fn::Sub"]}  # Ref of a Sub with nothing left to substitute: a plain Ref
            return {"Ref": ref}
        return {k.replace(placeholder, value): substitute(v, identifier, value) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, identifier, value) for v in node]
    if isinstance(node, str):
        return node.replace(placeholder, value)
    return node


def expand_for_each(resources):
    expanded = {}
    for key, body in resources.items():
        if not key.startswith("Fn::ForEach::"):
            expanded[key] = body
            continue
        identifier, collection, fragment = body
        for value in collection:
            for name, resource in substitute(fragment, identifier, value).items():
                if name in expanded or name in resources:
                    raise ValueError(key + " makes " + name + " twice")
                expanded[name] = resource
    return expanded


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    transforms = template.get("Transform")
    if isinstance(transforms, list) and "AWS::LanguageExtensions" in transforms:
        template["Resources"] = expand_for_each(template["Resources"])
        template["Transform"] = [t for t in transforms if t != "AWS::LanguageExtensions"]
        if len(template["Transform"]) == 1:
            template["Transform"] = template["Transform"][0]
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
