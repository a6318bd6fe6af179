// Why a member of Godot's class database is not built. The first rule whose class and member patterns
// match gives the reason; a missing member that no rule matches is "not built yet".
const INPUT = "needs input events (a window, a renderer): the port has none";
const EDITOR = "Godot's editor only";
const PHYSICS = "needs Godot's physics interpolation";
const WINDOW = "needs a Window or Viewport (a renderer)";
const TWEEN = "Tween is not built (an animation system, outside networking)";
const THREADS = "JavaScript runs a scene on one thread: thread groups do not apply";
const ACCESSIBILITY = "needs a screen reader integration (a renderer)";
const RESOURCES = "needs Godot's resources and packed scenes (.tscn/.res files)";

export const reasons = [
  [/^MultiplayerPeerExtension$/, /./, "GDExtension hook: extend MultiplayerPeer in TypeScript instead"],
  [
    /^Node$/,
    /^_(input|shortcut_input|unhandled_input|unhandled_key_input)$|process(ing)?_(unhandled_key_|unhandled_|shortcut_)?input$/,
    INPUT,
  ],
  [/^Node$/, /accessibility/, ACCESSIBILITY],
  [
    /^Node$/,
    /configuration_warnings|edited_scene|display(ed)?_folded|editable_instance|instance_load_placeholder/,
    EDITOR,
  ],
  [/^Node$/, /physics_interpolat/, PHYSICS],
  [/^Node$/, /^(get_window|get_last_exclusive_window|get_viewport)$/, WINDOW],
  [/^(Node|SceneTree)$/, /tween/, TWEEN],
  [/^Node$/, /thread_(group|messages)/, THREADS],
  [/^Node$/, /node_and_resource/, RESOURCES],
  [/^SceneTree$/, /accessibility/, ACCESSIBILITY],
  [/^SceneTree$/, /debug(ging)?_(collisions|paths|navigation)_hint|edited_scene_root/, EDITOR],
  [/^SceneTree$/, /physics_interpolation/, PHYSICS],
  [
    /^SceneTree$/,
    /auto_accept_quit|quit_on_go_back/,
    "needs a window and a platform's quit request (desktop, Android back button)",
  ],
  [/^SceneTree$/, /change_scene_to_file|change_scene_to_packed|reload_current_scene/, RESOURCES],
  [/^Object$/, /_script$/, "a script is its TypeScript class: there is no Script resource to get or set"],
  [
    /^PackedByteArray$/,
    /^(push_back|append|append_array|remove_at|insert|resize|clear|erase)$/,
    "changes the length: a PackedByteArray is a Uint8Array (so bytes reach sockets without a copy), whose length is fixed; build a new array instead",
  ],
  [
    /^PackedByteArray$/,
    /compress/,
    "needs FastLZ, Zstandard and a synchronous deflate in browsers: not built",
  ],
  [/^@GlobalScope$/, /^rid_from_int64$/, "RID (a server resource id) is not a type here"],
];

/** Members the test will not accept without a reason: a member missing for no stated reason is a failure. */
export const NO_REASON = "not built yet";

export function reasonFor(className, memberName) {
  for (const [cls, name, reason] of reasons) if (cls.test(className) && name.test(memberName)) return reason;
  return NO_REASON;
}
