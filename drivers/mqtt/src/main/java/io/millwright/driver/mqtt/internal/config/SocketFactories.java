package io.millwright.driver.mqtt.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory of an {@code ssl://} connection from its trust and key stores. */
public final class SocketFactories {

    private SocketFactories() {
    }

    /** @throws ConfigRefusedException naming the store key that cannot be opened (never its password) */
    public static SSLSocketFactory ssl(ConnectionSettings settings) throws ConfigRefusedException {
        try {
            TrustManagerFactory tmf = null;
            if (settings.trustStore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load("trustStore", settings.trustStore()));
            }
            KeyManagerFactory kmf = null;
            if (settings.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load("keyStore", settings.keyStore()), settings.keyStore().password());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (ConfigRefusedException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigRefusedException(settings.keyStore() != null ? "keyStore" : "trustStore",
                    "cannot set up TLS: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static KeyStore load(String key, StoreSettings store) throws ConfigRefusedException {
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore ks = KeyStore.getInstance(store.type());
            ks.load(in, store.password());
            return ks;
        } catch (Exception e) {
            throw new ConfigRefusedException(key, "cannot open " + store.path() + " as " + store.type() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
