# The image of docs/cluster.md's Kubernetes Indexed Job: /app/motcua and /app/scenarios/.
#   docker build -t registry.example/motcua:latest .
# The build stage's Swift matches the toolchain the project is tested with (swift --version: 6.3).
FROM swift:6.3-jammy AS build
WORKDIR /src
# The manifest and sources first, so that a change to a scenario does not rebuild the binary.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product motcua \
 && mkdir -p /out \
 && cp "$(swift build -c release --show-bin-path)/motcua" /out/motcua

# The slim image has the Swift runtime libraries (libswiftCore, Foundation, Dispatch) the
# binary links to, and no compiler.
FROM swift:6.3-jammy-slim
WORKDIR /app
COPY --from=build /out/motcua /app/motcua
COPY scenarios /app/scenarios
# Scenario paths inside a scenario (calendars, tables) are relative to it, so any working
# folder works; /data is where the Job mounts its volume.
RUN /app/motcua validate /app/scenarios/go-vap-2024.json
ENTRYPOINT []
CMD ["/app/motcua", "--help"]
