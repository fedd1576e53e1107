package cn.hongxin;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Hongxin (红心): the party-building brand platform.
 *
 * <p>{@code --demo} loads the demo department on an empty database without the browser
 * and prints the demo accounts' passwords once; {@code --backup=FILE.zip} writes an online backup of the
 * embedded database and the keys and exits; {@code --restore=FILE.zip} unpacks one into an empty data
 * directory and exits.
 */
@SpringBootApplication
@org.springframework.modulith.Modulithic(sharedModules = {"shared", "security"})
@ConfigurationPropertiesScan
@EnableAsync
public class HongxinApplication {

    public static void main(String[] args) throws java.io.IOException {
        for (String arg : args) {
            if (arg.startsWith("--restore=")) {
                String dataDir = System.getenv().getOrDefault("HONGXIN_DATA_DIR", "./data");
                for (String a : args) {
                    if (a.startsWith("--hongxin.data-dir=")) {
                        dataDir = a.substring("--hongxin.data-dir=".length());
                    }
                }
                org.slf4j.LoggerFactory.getLogger(HongxinApplication.class).info(cn.hongxin.operations.Restore.into(
                        java.nio.file.Path.of(arg.substring("--restore=".length())), java.nio.file.Path.of(dataDir)));
                return;
            }
        }
        String[] effective = Arrays.stream(args)
                .map(a -> a.equals("--demo") ? "--hongxin.demo=true" : a)
                .toArray(String[]::new);
        SpringApplication.run(HongxinApplication.class, effective);
    }
}
