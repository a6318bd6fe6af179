// Why a member of Godot's class database is not built. The first rule whose class and member patterns
// match gives the reason; a missing member that no rule matches is "not built yet".
export const reasons = [
  [
    /^(MultiplayerSpawner|MultiplayerSynchronizer|SceneReplicationConfig)$/,
    /./,
    "in progress: scene replication (multiplayer/)",
  ],
  [/^MultiplayerPeerExtension$/, /./, "GDExtension hook; subclass MultiplayerPeer in TypeScript instead"],
  [/^PacketPeerStream$/, /./, "no Godot networking program here wraps a StreamPeer in packets; not built"],
];

export function reasonFor(className, memberName) {
  for (const [cls, name, reason] of reasons) if (cls.test(className) && name.test(memberName)) return reason;
  return "not built yet";
}
