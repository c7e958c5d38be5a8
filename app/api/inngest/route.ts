import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

// Requests are signed (cloud mode) both by real Inngest and by the embedded engine.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
