package dev.fbchat.internal;

import io.micrometer.common.KeyValue;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's {@code http.client.requests} observation of the session's requests, its {@code uri} tag the request's path
 * without the query: one value per Facebook endpoint (a bounded set), never a query's token or id.
 */
final class FacebookRequestObservationConvention extends DefaultClientRequestObservationConvention {

    @Override
    protected KeyValue uri(ClientRequestObservationContext context) {
        if (context.getCarrier() != null && context.getCarrier().getURI().getRawPath() != null) {
            String path = context.getCarrier().getURI().getRawPath();
            return KeyValue.of("uri", path.isEmpty() ? "/" : path);
        }
        return super.uri(context);
    }
}
