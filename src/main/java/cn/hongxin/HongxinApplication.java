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
 * and prints the demo accounts' passwords once.
 */
@SpringBootApplication
@org.springframework.modulith.Modulithic(sharedModules = {"shared", "security"})
@ConfigurationPropertiesScan
@EnableAsync
public class HongxinApplication {

    public static void main(String[] args) {
        String[] effective = Arrays.stream(args)
                .map(a -> a.equals("--demo") ? "--hongxin.demo=true" : a)
                .toArray(String[]::new);
        SpringApplication.run(HongxinApplication.class, effective);
    }
}
