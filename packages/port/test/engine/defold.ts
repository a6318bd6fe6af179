// The Defold engine calls the gui_script fixture makes besides websocket: text nodes, msg.post and
// hash (a hash is its string here, which is all a script compares it with).

export const texts = new Map<string, string>();
export const posted: Array<[receiver: string, message_id: string]> = [];

export const gui = {
  get_node: (id: string) => id,
  set_text: (node: string, text: string) => void texts.set(node, text),
};

export const msg = {
  post: (receiver: string, message_id: string) => void posted.push([receiver, message_id]),
};

export const hash = (name: string) => name;
