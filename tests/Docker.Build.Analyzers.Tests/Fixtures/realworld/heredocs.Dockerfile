# syntax=docker/dockerfile:1
FROM alpine:3.20.1@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b AS build
RUN <<EOF
set -eu
apk add --no-cache build-base=0.5-r3
mkdir -p /out
echo "built" > /out/version.txt
EOF
COPY <<-"CONF" /etc/app/app.conf
	listen = 8080
	# not a Dockerfile comment, and $NOT_A_VARIABLE
	CONF

FROM alpine:3.20.1@sha256:3d2b1c6e5f4a79880716253d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b
COPY --from=build /out/version.txt /srv/version.txt
COPY --from=build /etc/app/app.conf /etc/app/app.conf
USER 65534:65534
CMD ["cat", "/srv/version.txt"]
