import { sendMessage } from "./functions/send-message";
import { sweepStaleQueue } from "./functions/sweep-stale-queue";
import { pollDeliveryReports } from "./functions/poll-delivery-reports";

/** Every function the app serves; the serve route and the engine's tests read this list. */
export const functions = [sendMessage, sweepStaleQueue, pollDeliveryReports];
