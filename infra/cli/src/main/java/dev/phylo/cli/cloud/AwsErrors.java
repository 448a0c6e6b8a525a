package dev.phylo.cli.cloud;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** One-line messages from SDK exceptions (error code and message; never request signing details). */
final class AwsErrors {

    private AwsErrors() {}

    static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String text = service.awsErrorDetails().errorMessage();
            if (code != null || text != null) {
                return (code != null ? code + ": " : "") + (text != null ? text : "HTTP " + service.statusCode());
            }
            return "HTTP " + service.statusCode() + " from "
                    + service.getClass().getSimpleName();
        }
        String text = e.getMessage();
        return text == null || text.isBlank()
                ? e.getClass().getSimpleName()
                : text.lines().findFirst().orElse(text);
    }
}
