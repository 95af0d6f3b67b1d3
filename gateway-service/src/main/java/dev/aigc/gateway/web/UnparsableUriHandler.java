package dev.aigc.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers a request whose target is not even a URI ({@code /x/%zz}, {@code /x/%u0041}, a lone {@code %}) with a 400
 * problem document. Spring's Reactor adapter cannot build a request from such a target and would answer 400 with an
 * empty body before any filter runs, so this check sits in the Netty pipeline, right after the HTTP codec, and
 * closes the connection after answering.
 */
@Component
class UnparsableUriHandler implements NettyServerCustomizer {

    static final String DETAIL = "The request target is not a valid URI: every '%' must start a %XX escape of UTF-8 "
            + "bytes (for example %E4%B8%AD for 中).";

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnConnection(connection -> connection.addHandlerFirst("aigc-unparsable-uri", new Check()));
    }

    /** Whether {@code target} parses as a URI reference. */
    static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static byte[] problem(String requestId) {
        return ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + DETAIL
                + "\",\"requestId\":\"" + requestId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static final class Check extends ChannelInboundHandlerAdapter {

        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()
                    && !parses(request.uri())) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                String requestId = RequestIds.generate();
                byte[] body = problem(requestId);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set(RequestIds.HEADER, requestId);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (discarding && msg instanceof HttpContent) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
