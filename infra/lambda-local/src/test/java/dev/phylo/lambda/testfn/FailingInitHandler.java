package dev.phylo.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler whose construction fails, so the RIC reports {@code /init/error}. */
public class FailingInitHandler implements RequestStreamHandler {

    public FailingInitHandler() {
        throw new IllegalArgumentException("boom during init");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new AssertionError("never constructed");
    }
}
