# The application image for docker-compose.yml: the jar built by ./mvnw -DskipTests install (production bundle).
FROM eclipse-temurin:21-jre
RUN useradd --system --home /app rentree
WORKDIR /app
COPY app/target/rentree-app.jar /app/rentree-app.jar
USER rentree
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/rentree-app.jar"]
