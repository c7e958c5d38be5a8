CREATE TYPE "public"."provider_kind" AS ENUM('netgsm', 'verimor', 'iletimerkezi', 'twilio', 'smpp');--> statement-breakpoint
CREATE TABLE "office_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" "provider_kind" NOT NULL,
	"label" text NOT NULL,
	"priority" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"credentials" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"webhook_key" text NOT NULL,
	"last_test_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_attempts" ADD COLUMN "provider_setting_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "provider_setting_id" uuid;--> statement-breakpoint
ALTER TABLE "office_providers" ADD CONSTRAINT "office_providers_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "office_providers_office_idx" ON "office_providers" USING btree ("office_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "office_providers_webhook_key" ON "office_providers" USING btree ("webhook_key");