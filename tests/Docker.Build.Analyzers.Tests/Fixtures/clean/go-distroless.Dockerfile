# syntax=docker/dockerfile:1
FROM golang:1.22.5-bookworm@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
COPY --from=build /out/server /server
EXPOSE 8080
USER nonroot:nonroot
HEALTHCHECK --interval=30s CMD ["/server", "-healthcheck"]
ENTRYPOINT ["/server"]
