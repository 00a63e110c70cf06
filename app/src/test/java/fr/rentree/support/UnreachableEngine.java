package fr.rentree.support;

import java.net.URI;
import java.time.Duration;

import io.camunda.client.CamundaClient;

/** A real Camunda client pointed at a port where no engine listens: what the application sees during a restart. */
public final class UnreachableEngine {

    private UnreachableEngine() {
    }

    public static CamundaClient client() {
        return CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:1"))
                .restAddress(URI.create("http://127.0.0.1:1"))
                .preferRestOverGrpc(false)
                .defaultRequestTimeout(Duration.ofSeconds(2))
                .build();
    }
}
