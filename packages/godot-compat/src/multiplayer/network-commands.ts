// Follows Godot's modules/multiplayer/scene_multiplayer.h.
// How SceneMultiplayer frames its messages on the wire (Godot 4's scene_multiplayer.h): the low 3
// bits of the first byte are the command, the high 4 bits are flags the command's subsystem owns.
// System messages are [SYS, sys command, int32 peer id (little-endian), payload...].
// Internal to the package: the layers built on top list their commands for SceneMultiplayer._attachLayer.

export const NETWORK_COMMAND_REMOTE_CALL = 0;
export const NETWORK_COMMAND_SIMPLIFY_PATH = 1;
export const NETWORK_COMMAND_CONFIRM_PATH = 2;
export const NETWORK_COMMAND_RAW = 3;
export const NETWORK_COMMAND_SPAWN = 4;
export const NETWORK_COMMAND_DESPAWN = 5;
export const NETWORK_COMMAND_SYNC = 6;
export const NETWORK_COMMAND_SYS = 7;

export const SYS_COMMAND_AUTH = 0;
export const SYS_COMMAND_ADD_PEER = 1;
export const SYS_COMMAND_DEL_PEER = 2;
export const SYS_COMMAND_RELAY = 3;

/** Command byte, system command byte, 4-byte peer id. */
export const SYS_CMD_SIZE = 6;
/** Extracts the command from a message's first byte. */
export const CMD_MASK = 7;
