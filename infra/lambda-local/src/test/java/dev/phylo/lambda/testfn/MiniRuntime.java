package dev.phylo.lambda.testfn;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A minimal custom runtime, standing in for a native {@code bootstrap}: polls the Runtime API itself (as Quarkus's
 * native poll loop does) and answers each invocation with its input plus what it was told.
 */
public final class MiniRuntime {

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        while (true) {
            HttpURLConnection next = (HttpURLConnection) new URL(api + "next").openConnection();
            String id = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            String deadline = next.getHeaderField("Lambda-Runtime-Deadline-Ms");
            String input;
            try (InputStream in = next.getInputStream()) {
                input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String out = "{\"input\":" + input + ",\"requestId\":\"" + id + "\",\"deadlineMs\":" + deadline
                    + ",\"disableSignalHandlers\":\"" + System.getenv("DISABLE_SIGNAL_HANDLERS") + "\""
                    + ",\"taskRoot\":\"" + System.getenv("LAMBDA_TASK_ROOT") + "\""
                    + ",\"cwd\":\"" + System.getProperty("user.dir") + "\"}";
            HttpURLConnection post = (HttpURLConnection) new URL(api + id + "/response").openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            try (OutputStream o = post.getOutputStream()) {
                o.write(out.getBytes(StandardCharsets.UTF_8));
            }
            if (post.getResponseCode() != 202) {
                throw new IllegalStateException("response not accepted: " + post.getResponseCode());
            }
            post.getInputStream().close();
        }
    }
}
