package org.apppasswords.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.util.MDCBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;

class ConnectionLogContextTest {
    private static final MDCBuilder BOUND = MDCBuilder.create()
        .addToContext(MDCBuilder.IP, "203.0.113.7")
        .addToContext(MDCBuilder.PROTOCOL, "IMAP");

    /** What the logging context held while a read reached the handler after ours; it also leaves a key behind. */
    @ChannelHandler.Sharable
    private static final class ContextRecorder extends ChannelInboundHandlerAdapter {
        final List<Map<String, String>> seen = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Map<String, String> context = MDC.getCopyOfContextMap();
            seen.add(context == null ? Map.of() : context);
            MDC.put("leftBehind", "by James");
        }
    }

    @AfterEach
    void clearThread() {
        MDC.clear();
    }

    @Test
    void aReadShouldRunInTheContextJamesBoundToTheConnection() {
        ContextRecorder james = new ContextRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionLogContext(ignored -> Optional.of(BOUND)), james);

        channel.writeInbound("a1 AUTHENTICATE PLAIN");

        assertThat(james.seen).singleElement()
            .satisfies(context -> assertThat(context).containsEntry("ip", "203.0.113.7").containsEntry("protocol", "IMAP"));
    }

    @Test
    void theThreadsOwnContextShouldBeBackAfterTheRead() {
        MDC.put("ip", "198.51.100.1");
        MDC.put("unrelated", "kept");
        Map<String, String> before = new HashMap<>(MDC.getCopyOfContextMap());
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionLogContext(ignored -> Optional.of(BOUND)), new ContextRecorder());

        channel.writeInbound("line");

        assertThat(MDC.getCopyOfContextMap()).isEqualTo(before);
    }

    @Test
    void anEmptyThreadContextShouldStayEmptyAfterTheRead() {
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionLogContext(ignored -> Optional.of(BOUND)), new ContextRecorder());

        channel.writeInbound("line");

        assertThat(MDC.get("ip")).isNull();
        assertThat(MDC.get("protocol")).isNull();
        assertThat(MDC.get("leftBehind")).isNull();
    }

    @Test
    void aConnectionJamesHasNotBoundYetShouldBeReadWithoutAnAddress() {
        ContextRecorder james = new ContextRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new ConnectionLogContext(ignored -> Optional.empty()), james);

        channel.writeInbound("line");

        assertThat(james.seen).singleElement().satisfies(context -> assertThat(context).doesNotContainKey("ip"));
    }

    @Test
    void joiningShouldPlaceTheContextJustBeforeTheNamedHandlerOfJamesPipeline() {
        ServerBootstrap bootstrap = new ServerBootstrap().childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast("framer", new ChannelInboundHandlerAdapter());
                channel.pipeline().addLast("coreHandler", new ChannelInboundHandlerAdapter());
            }
        });

        new ConnectionLogContext(ignored -> Optional.empty()).joinEveryConnection(bootstrap, "coreHandler");
        EmbeddedChannel channel = new EmbeddedChannel(bootstrap.config().childHandler());

        assertThat(channel.pipeline().names()).containsSubsequence("framer", ConnectionLogContext.NAME, "coreHandler");
    }
}
