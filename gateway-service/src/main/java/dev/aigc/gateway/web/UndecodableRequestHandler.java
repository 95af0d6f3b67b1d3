package dev.aigc.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers, with a problem document, requests that never reach Spring: a request Netty's HTTP codec could not decode
 * (an invalid {@code Content-Length}, a request line or header block over Netty's limits: 400, 414, 431), and a
 * request whose target is not even a URI ({@code /x/%zz}, {@code /x/%u0041}, a lone {@code %}: 400), which Spring's
 * Reactor adapter cannot turn into a request. Reactor Netty and that adapter would answer both with an empty body,
 * so this check sits in the Netty pipeline right after the HTTP codec, ahead of Reactor Netty's own handler, and
 * closes the connection after answering.
 */
@Component
class UndecodableRequestHandler implements NettyServerCustomizer {

    static final String HANDLER = "aigc-request-check";
    static final String DETAIL = "The request target is not a valid URI: every '%' must start a %XX escape of UTF-8 "
            + "bytes (for example %E4%B8%AD for 中).";

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        // per channel, once Reactor Netty has built its pipeline: right after the HTTP codec, ahead of its handlers
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new Check());
            } else if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new Check());
            }
        });
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

    static byte[] problem(HttpResponseStatus status, String detail, String requestId) {
        return ("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\",\"requestId\":\"" + requestId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(ChannelHandlerContext ctx, HttpResponseStatus status, String detail) {
        String requestId = RequestIds.generate();
        byte[] body = problem(status, detail, requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestIds.HEADER, requestId);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static final class Check extends ChannelInboundHandlerAdapter {

        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                HttpResponseStatus status = null;
                String detail = null;
                Throwable failure = request.decoderResult().cause();
                if (failure instanceof TooLongHttpLineException) {
                    status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                    detail = "The request line is longer than the gateway reads at all.";
                } else if (failure instanceof TooLongHttpHeaderException) {
                    status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                    detail = "The request headers are larger than the gateway reads at all.";
                } else if (failure != null) {
                    status = HttpResponseStatus.BAD_REQUEST;
                    detail = "The request line or headers could not be parsed as HTTP/1.1 (for example an invalid or "
                            + "repeated Content-Length).";
                } else if (!parses(request.uri())) {
                    status = HttpResponseStatus.BAD_REQUEST;
                    detail = DETAIL;
                }
                if (status != null) {
                    discarding = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    answer(ctx, status, detail);
                    return;
                }
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
