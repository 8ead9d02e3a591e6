// The --help text.
export const HELP = `reference-app-server: a reference implementation of the codex app-server protocol (codex 0.169.0)

Usage: reference-app-server [OPTIONS]

Options:
  --listen <URL>                     Where to accept connections (default: stdio://):
                                       stdio://       JSON lines on stdin/stdout
                                       ws://IP:PORT   websocket; port 0 picks a free port
                                       unix://PATH    websocket framing over a unix socket
                                       unix://        the socket app-server-control/app-server-control.sock in the home folder
  --stdio                            Same as --listen stdio://
  --home <DIR>                       State folder (default: $REFERENCE_APP_SERVER_HOME, else ~/.reference-app-server)
  --ws-auth <MODE>                   Websocket authentication: capability-token or signed-bearer-token
  --ws-token-file <PATH>             capability-token: file holding the token (trailing newline ignored)
  --ws-token-sha256 <HEX>            capability-token: SHA-256 digest of the token, as 64 hex digits
  --ws-shared-secret-file <PATH>     signed-bearer-token: HS256 secret file (at least 32 bytes)
  --ws-issuer <ISSUER>               signed-bearer-token: required \`iss\` claim
  --ws-audience <AUDIENCE>           signed-bearer-token: required \`aud\` claim
  --ws-max-clock-skew-seconds <N>    signed-bearer-token: allowed clock skew for exp/nbf (default: 30)
  --thread-idle-seconds <N>          Unload a thread nobody follows after N idle seconds (default: 1800, as codex)
  --scenario <NAME>                  Every turn plays this scenario (<home>/scenarios/NAME.json or a built-in)
  --codex-version <V>                Speak that codex release's protocol surface (default: the latest supported)
  --version                          Print the version
  -h, --help                         Print this help

Websocket clients send \`Authorization: Bearer <token>\`. GET /healthz and /readyz answer 200 without auth.
A listener on a non-loopback address must use --ws-auth.
The bound address is printed on stderr at startup ("listening on: ...").
Turns are answered by an offline agent; prompt directives such as [[run: ls]] script it (see server/README.md).

Environment:
  REFERENCE_APP_SERVER_HOME          State folder when --home is not given
  REFERENCE_APP_SERVER_LOG           Log level on stderr: error, warn, info (default), debug or off
`
