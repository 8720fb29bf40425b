#!/bin/sh
# Renders an ACL template (ops/redis/users.acl, ops/keydb/users.acl) for the server, then runs the given command.
#   render-acl.sh TEMPLATE OUTPUT COMMAND...
# {{PREFIX}} becomes REDIS_KEY_PREFIX (default charbot); #{{NAME}} becomes # and the SHA-256 of the variable NAME,
# which must be set, at least 24 characters of letters, digits, '-' or '_' (it goes into the apps' Redis URLs).
set -eu
template="$1"
output="$2"
shift 2
prefix="${REDIS_KEY_PREFIX:-charbot}"
[ -n "$prefix" ] || prefix=charbot
umask 022
tmp="$output.tmp"
: > "$tmp"
while IFS= read -r line || [ -n "$line" ]; do
	# Comments and blank lines stay in the template.
	case "$line" in '#'* | '') continue ;; esac
	while :; do
		case "$line" in
		*'#{{'*'}}'*)
			name="${line#*\#\{\{}"
			name="${name%%\}\}*}"
			eval "value=\${$name:-}"
			if [ -z "$value" ]; then
				echo "render-acl.sh: $name is not set: set it in .env (openssl rand -hex 32), see docs/runbook.md" >&2
				exit 1
			fi
			case "$value" in
			*[!A-Za-z0-9_-]*)
				echo "render-acl.sh: $name may hold only letters, digits, '-' and '_' (it goes into a Redis URL)" >&2
				exit 1
				;;
			esac
			if [ "${#value}" -lt 24 ]; then
				echo "render-acl.sh: $name must be at least 24 characters" >&2
				exit 1
			fi
			hash="$(printf '%s' "$value" | sha256sum | cut -d' ' -f1)"
			line="${line%%\#\{\{$name\}\}*}#$hash${line#*\#\{\{$name\}\}}"
			;;
		*) break ;;
		esac
	done
	case "$line" in
	*'{{PREFIX}}'*) line="$(printf '%s' "$line" | sed "s/{{PREFIX}}/$prefix/g")" ;;
	esac
	printf '%s\n' "$line" >> "$tmp"
done < "$template"
mv "$tmp" "$output"
exec "$@"
