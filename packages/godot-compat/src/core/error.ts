// Follows Godot's core/error/error_list.h.
// Godot's @GlobalScope Error enum, with Godot's numbers. Every method here returns one of these and never throws.

export const OK = 0;
export const FAILED = 1;
export const ERR_UNAVAILABLE = 2;
export const ERR_UNCONFIGURED = 3;
export const ERR_UNAUTHORIZED = 4;
export const ERR_PARAMETER_RANGE_ERROR = 5;
export const ERR_OUT_OF_MEMORY = 6;
export const ERR_FILE_NOT_FOUND = 7;
export const ERR_FILE_BAD_DRIVE = 8;
export const ERR_FILE_BAD_PATH = 9;
export const ERR_FILE_NO_PERMISSION = 10;
export const ERR_FILE_ALREADY_IN_USE = 11;
export const ERR_FILE_CANT_OPEN = 12;
export const ERR_FILE_CANT_WRITE = 13;
export const ERR_FILE_CANT_READ = 14;
export const ERR_FILE_UNRECOGNIZED = 15;
export const ERR_FILE_CORRUPT = 16;
export const ERR_FILE_MISSING_DEPENDENCIES = 17;
export const ERR_FILE_EOF = 18;
export const ERR_CANT_OPEN = 19;
export const ERR_CANT_CREATE = 20;
export const ERR_QUERY_FAILED = 21;
export const ERR_ALREADY_IN_USE = 22;
export const ERR_LOCKED = 23;
export const ERR_TIMEOUT = 24;
export const ERR_CANT_CONNECT = 25;
export const ERR_CANT_RESOLVE = 26;
export const ERR_CONNECTION_ERROR = 27;
export const ERR_CANT_ACQUIRE_RESOURCE = 28;
export const ERR_CANT_FORK = 29;
export const ERR_INVALID_DATA = 30;
export const ERR_INVALID_PARAMETER = 31;
export const ERR_ALREADY_EXISTS = 32;
export const ERR_DOES_NOT_EXIST = 33;
export const ERR_DATABASE_CANT_READ = 34;
export const ERR_DATABASE_CANT_WRITE = 35;
export const ERR_COMPILATION_FAILED = 36;
export const ERR_METHOD_NOT_FOUND = 37;
export const ERR_LINK_FAILED = 38;
export const ERR_SCRIPT_FAILED = 39;
export const ERR_CYCLIC_LINK = 40;
export const ERR_INVALID_DECLARATION = 41;
export const ERR_DUPLICATE_SYMBOL = 42;
export const ERR_PARSE_ERROR = 43;
export const ERR_BUSY = 44;
export const ERR_SKIP = 45;
export const ERR_HELP = 46;
export const ERR_BUG = 47;
export const ERR_PRINTER_ON_FIRE = 48;

/** The whole enum as one object, as GDScript's `Error.OK`, `Error.FAILED`, ... */
// biome-ignore lint/suspicious/noShadowRestrictedNames: Godot calls this enum Error; importers choose to shadow
export const Error = /* @__PURE__ */ Object.freeze({
  OK,
  FAILED,
  ERR_UNAVAILABLE,
  ERR_UNCONFIGURED,
  ERR_UNAUTHORIZED,
  ERR_PARAMETER_RANGE_ERROR,
  ERR_OUT_OF_MEMORY,
  ERR_FILE_NOT_FOUND,
  ERR_FILE_BAD_DRIVE,
  ERR_FILE_BAD_PATH,
  ERR_FILE_NO_PERMISSION,
  ERR_FILE_ALREADY_IN_USE,
  ERR_FILE_CANT_OPEN,
  ERR_FILE_CANT_WRITE,
  ERR_FILE_CANT_READ,
  ERR_FILE_UNRECOGNIZED,
  ERR_FILE_CORRUPT,
  ERR_FILE_MISSING_DEPENDENCIES,
  ERR_FILE_EOF,
  ERR_CANT_OPEN,
  ERR_CANT_CREATE,
  ERR_QUERY_FAILED,
  ERR_ALREADY_IN_USE,
  ERR_LOCKED,
  ERR_TIMEOUT,
  ERR_CANT_CONNECT,
  ERR_CANT_RESOLVE,
  ERR_CONNECTION_ERROR,
  ERR_CANT_ACQUIRE_RESOURCE,
  ERR_CANT_FORK,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_ALREADY_EXISTS,
  ERR_DOES_NOT_EXIST,
  ERR_DATABASE_CANT_READ,
  ERR_DATABASE_CANT_WRITE,
  ERR_COMPILATION_FAILED,
  ERR_METHOD_NOT_FOUND,
  ERR_LINK_FAILED,
  ERR_SCRIPT_FAILED,
  ERR_CYCLIC_LINK,
  ERR_INVALID_DECLARATION,
  ERR_DUPLICATE_SYMBOL,
  ERR_PARSE_ERROR,
  ERR_BUSY,
  ERR_SKIP,
  ERR_HELP,
  ERR_BUG,
  ERR_PRINTER_ON_FIRE,
});

/**
 * One of Godot's error codes (0-48). The package's methods are typed with this name, so that an editor's
 * hover names a type the package exports (a hover showing `Error` read as JavaScript's Error).
 */
export type GodotError = (typeof Error)[keyof typeof Error];
/** Godot's `Error` enum as a type: `import { Error } from "@wsport/godot-compat"`, then `const e: Error = peer.put_packet(b)`. */
export type Error = GodotError;
