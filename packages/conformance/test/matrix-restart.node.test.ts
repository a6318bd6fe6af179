// "Server restart mid-session", per adapter. Node only: the test stops and restarts its own server
// on the same port, which a page cannot do (the root vitest config, which would have to register a
// browser command for it, is not ours to change).

import { type RunningServer, startServer } from "@wsport/server";
import { describe } from "vitest";
import { asepriteAdapter } from "./drivers/aseprite.ts";
import { coronaAdapter } from "./drivers/corona.ts";
import { defoldAdapter } from "./drivers/defold.ts";
import { godotAdapter } from "./drivers/godot.ts";
import { portNames } from "./drivers/recorder.ts";
import { nameServerPorts, runScenario } from "./matrix.ts";
import { restartScenario } from "./scenarios.ts";

describe("conformance: server restart mid-session", () => {
  nameServerPorts();
  for (const adapter of [defoldAdapter, godotAdapter, coronaAdapter, asepriteAdapter]) {
    runScenario(adapter, restartScenario, async () => {
      let server: RunningServer = await startServer({ port: 0, quiet: true });
      const port = server.port;
      portNames[String(port)] = "<restart-port>";
      try {
        return await restartScenario.run(adapter.driver, {
          url: server.url,
          stop: () => server.close(),
          start: async () => {
            server = await startServer({ port, quiet: true });
          },
        });
      } finally {
        await server.close();
      }
    });
  }
});
