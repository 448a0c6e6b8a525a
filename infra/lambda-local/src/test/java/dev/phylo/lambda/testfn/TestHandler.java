package dev.phylo.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain Lambda handler for the tests, run by the real Runtime Interface Client in a child process (whose classpath
 * is only the test classes and the RIC jars, so no Jackson here: the input is read with regular expressions).
 * <ul>
 *   <li>{@code {"print":"text"}} prints the text to stdout first;</li>
 *   <li>{@code {"sleepMs":5000}} sleeps first;</li>
 *   <li>{@code {"fail":"msg"}} throws {@code IllegalStateException(msg)};</li>
 *   <li>{@code {"exit":3}} prints "exiting with 3" and calls {@code System.exit(3)};</li>
 *   <li>{@code {"responseBytes":n}} answers a JSON string of n bytes;</li>
 *   <li>anything else: echoes the input with what the context says (request id, remaining time, ...).</li>
 * </ul>
 */
public class TestHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String in = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String print = string(in, "print");
        if (print != null) {
            System.out.println(print);
        }
        long sleep = number(in, "sleepMs");
        if (sleep > 0) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String fail = string(in, "fail");
        if (fail != null) {
            throw new IllegalStateException(fail);
        }
        long exit = number(in, "exit");
        if (exit >= 0) {
            System.out.println("exiting with " + exit);
            System.out.flush();
            System.exit((int) exit);
        }
        long size = number(in, "responseBytes");
        if (size >= 0) {
            byte[] body = new byte[(int) size];
            java.util.Arrays.fill(body, (byte) 'x');
            body[0] = '"';
            body[body.length - 1] = '"';
            output.write(body);
            return;
        }
        String json = "{\"input\":" + in
                + ",\"requestId\":\"" + context.getAwsRequestId() + "\""
                + ",\"remainingMs\":" + context.getRemainingTimeInMillis()
                + ",\"functionName\":\"" + context.getFunctionName() + "\""
                + ",\"functionVersion\":\"" + context.getFunctionVersion() + "\""
                + ",\"memoryLimitMb\":" + context.getMemoryLimitInMB()
                + ",\"arn\":\"" + context.getInvokedFunctionArn() + "\""
                + ",\"pid\":" + ProcessHandle.current().pid()
                + ",\"maxHeapMb\":" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + ",\"custom\":\"" + System.getenv("PHYLO_TEST_VALUE") + "\""
                + ",\"region\":\"" + System.getenv("AWS_REGION") + "\""
                + ",\"taskRoot\":\"" + System.getenv("LAMBDA_TASK_ROOT") + "\""
                + ",\"traceId\":\"" + System.getProperty("com.amazonaws.xray.traceHeader") + "\""
                + ",\"home\":\"" + System.getenv("HOME") + "\""
                + "}";
        output.write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
