package dev.phylo.cli.run.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain Lambda handler standing in for a slow function, run by the real Runtime Interface Client in a child process
 * whose classpath is the test classes and the RIC jars (so no Jackson: the input is read with regular expressions).
 * {@code {"batch":n,"sleepMs":ms}} sleeps {@code ms}, then answers {@code {"batch":n,"pid":p}}.
 */
public class SleepingHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String in = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        try {
            Thread.sleep(number(in, "sleepMs"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String answer = "{\"batch\":" + number(in, "batch") + ",\"pid\":"
                + ProcessHandle.current().pid() + "}";
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
