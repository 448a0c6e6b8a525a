package dev.phylo.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.runtime.ApplicationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decorator alone. The packaged functions are checked end to end in infra/cli: LocalRunIT reads the JSON lines
 * carrying the request ids the local Lambda runtime handed out, and FunctionErrorsIT the error type of a bad request.
 */
class LambdaHandlerTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theRequestIdIsInTheLoggingContextForTheCallAndGoneAfterIt() throws IOException {
        List<Object> seen = new ArrayList<>();
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            seen.add(MDC.get(LambdaHandler.REQUEST_ID));
            out.write(in.readAllBytes());
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(input("{\"a\":1}"), out, context("8f0c3a52-1111-4a5e-9d1e-0123456789ab"));
        handler.handleRequest(
                input("{}"), new ByteArrayOutputStream(), context("c0ffee00-2222-4a5e-9d1e-0123456789ab"));

        assertThat(seen)
                .containsExactly("8f0c3a52-1111-4a5e-9d1e-0123456789ab", "c0ffee00-2222-4a5e-9d1e-0123456789ab");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(MDC.get(LambdaHandler.REQUEST_ID)).isNull();
    }

    @Test
    void aFailingCallLeavesNoRequestIdBehind() {
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            throw new IOException("disk on fire");
        });

        assertThatThrownBy(() -> handler.handleRequest(input("{}"), new ByteArrayOutputStream(), context("r-1")))
                .isInstanceOf(IOException.class)
                .hasMessage("disk on fire");
        assertThat(MDC.get(LambdaHandler.REQUEST_ID)).isNull();
    }

    @Test
    void theFunctionsOwnExceptionIsRethrownNotFunqysWrapper() {
        InvalidRequestException thrown = new InvalidRequestException("runId = Bad Id: expected a-z, 0-9 and '-'");
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            throw new ApplicationException(thrown);
        });

        assertThatThrownBy(() -> handler.handleRequest(input("{}"), new ByteArrayOutputStream(), context("r-2")))
                .isSameAs(thrown);
        assertThat(MDC.get(LambdaHandler.REQUEST_ID)).isNull();
    }

    @Test
    void aBugStaysWhatItIs() {
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            throw new ApplicationException(new NullPointerException("plan"));
        });

        assertThatThrownBy(() -> handler.handleRequest(input("{}"), new ByteArrayOutputStream(), context("r-3")))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("plan");
    }

    @Test
    void aRequestJacksonCannotReadIsAnInvalidRequestNamingTheField() {
        ObjectMapper json = new ObjectMapper();
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> json.readValue(in, Sized.class));

        assertThatThrownBy(() -> handler.handleRequest(
                        input("{\"size\": \"lots\"}"), new ByteArrayOutputStream(), context("r-4")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"lots\"")
                .hasMessageContaining("int")
                .hasMessageContaining("line 1");
        assertThatThrownBy(
                        () -> handler.handleRequest(input("{\"size\": "), new ByteArrayOutputStream(), context("r-5")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anAwsEventJacksonCannotReadIsAnInvalidRequestToo() {
        ObjectMapper json = new ObjectMapper();
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            try {
                json.readValue(in, Sized.class);
            } catch (IOException e) { // what Funqy's reader of AWS events does
                throw new IllegalArgumentException("Could not deserialize the provided message.", e);
            }
        });

        assertThatThrownBy(() ->
                        handler.handleRequest(input("{\"size\": [1]}"), new ByteArrayOutputStream(), context("r-7")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at field 'size'");
    }

    @Test
    void anIllegalArgumentWithoutJacksonBehindItIsNotABadRequest() {
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> {
            throw new IllegalArgumentException("pool size must be within 1..100: 0");
        });

        assertThatThrownBy(() -> handler.handleRequest(input("{}"), new ByteArrayOutputStream(), context("r-8")))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResponseJacksonCannotWriteIsNotTheRequestsFault() {
        ObjectMapper json = new ObjectMapper();
        LambdaHandler handler = new LambdaHandler((in, out, ctx) -> json.writeValue(out, new Object()));

        assertThatThrownBy(() -> handler.handleRequest(input("{}"), new ByteArrayOutputStream(), context("r-6")))
                .isInstanceOf(JsonProcessingException.class)
                .isNotInstanceOf(InvalidRequestException.class);
    }

    /** A request type for the Jackson cases. */
    record Sized(int size) {}

    @Test
    void noContextStillRuns() throws IOException {
        List<Object> seen = new ArrayList<>();
        new LambdaHandler((in, out, ctx) -> seen.add(MDC.get(LambdaHandler.REQUEST_ID)))
                .handleRequest(input("{}"), new ByteArrayOutputStream(), null);
        assertThat(seen).containsExactly((Object) null);
    }

    private static ByteArrayInputStream input(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Context context(String requestId) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/phylo/test/evaluate";
            }

            @Override
            public String getLogStreamName() {
                return "stream";
            }

            @Override
            public String getFunctionName() {
                return "phylo-evaluate";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:phylo-evaluate";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 60_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1769;
            }

            @Override
            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
