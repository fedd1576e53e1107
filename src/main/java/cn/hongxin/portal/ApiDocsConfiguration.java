package cn.hongxin.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at {@code /api/v1/openapi} (Swagger UI at {@code /api/v1/docs}). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI hongxinOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Hongxin API").version("v1")
                        .description("""
                                The API of 红心, the party-building platform. Authenticate with a personal access \
                                token (`Authorization: Bearer hx_…`); create one on the page 访问令牌 or with \
                                `POST /api/v1/tokens` using HTTP Basic. Every call sees only the data in the \
                                account's scope: objects outside it answer 404. Errors are RFC 9457 problem \
                                details in the language of `Accept-Language` (Chinese by default)."""))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("hx_…")
                                .description("Personal access token"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Username and password; use it to create a token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
