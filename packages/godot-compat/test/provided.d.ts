// What godot-compat's global setup hands to its tests through inject().
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** A Godot multiplayer server (SceneMultiplayer) in Node on 127.0.0.1; see multiplayer-server.ts. */
    godotMultiplayerPort: number;
    /** The same, asking every peer to authenticate with the password "secret". */
    godotAuthPort: number;
    /** A raw ws server playing Godot's side byte by byte: greets with id 424242, announces peer 77, echoes each message as RAW. */
    godotRawPort: number;
    /** A Godot game in Node answering RPCs: a SceneTree with an EchoGame at /root/Game. */
    godotRpcPort: number;
    /** A wss:// echo server built as Godot builds one (TCPServer + StreamPeerTLS + WebSocketPeer); see tls-echo-server.ts. */
    godotTlsEchoPort: number;
    /** The first multiplayer server again, served over wss:// by create_server(..., TLSOptions.server(key, cert)). */
    godotMultiplayerTlsPort: number;
    /** A replication game in Node: an Arena (replication-game.ts) spawning a player and a bomb per peer, a walking NPC. */
    godotReplicationPort: number;
  }
}
