package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MotCuaApplication {
    public static void main(String[] args) {
        SpringApplication.run(MotCuaApplication.class, args);
    }
}
