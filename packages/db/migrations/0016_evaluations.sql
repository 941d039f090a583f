CREATE TABLE "evaluation_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"evaluation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"theme" text NOT NULL,
	"step" smallint,
	"author" text,
	"group_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_items_kind_check" CHECK ("evaluation_items"."kind" IN ('worked_well', 'improve'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"item_id" uuid,
	"group_id" uuid,
	"voter" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_votes_target_check" CHECK (("evaluation_votes"."item_id" IS NULL) <> ("evaluation_votes"."group_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organisations" text[] NOT NULL,
	"from" date NOT NULL,
	"to" date NOT NULL,
	"process" text,
	"steps" integer[] DEFAULT '{}' NOT NULL,
	"anonymous" boolean NOT NULL,
	"votes_per_participant" smallint NOT NULL,
	"phase" text NOT NULL,
	"phase_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_phase_check" CHECK ("evaluations"."phase" IN ('collect', 'group', 'vote', 'discuss', 'closed')),
	CONSTRAINT "evaluations_votes_check" CHECK ("evaluations"."votes_per_participant" BETWEEN 1 AND 10),
	CONSTRAINT "evaluations_period_check" CHECK ("evaluations"."to" >= "evaluations"."from")
);
--> statement-breakpoint
ALTER TABLE "forum_actions" ADD COLUMN "source_item_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD CONSTRAINT "evaluation_events_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_groups" ADD CONSTRAINT "evaluation_groups_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_group_id_evaluation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."evaluation_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_votes" ADD CONSTRAINT "evaluation_votes_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_votes" ADD CONSTRAINT "evaluation_votes_item_id_evaluation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evaluation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_votes" ADD CONSTRAINT "evaluation_votes_group_id_evaluation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."evaluation_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_events_evaluation_id_id_idx" ON "evaluation_events" USING btree ("evaluation_id","id");--> statement-breakpoint
CREATE INDEX "evaluation_groups_evaluation_id_idx" ON "evaluation_groups" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluation_items_evaluation_id_idx" ON "evaluation_items" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluation_votes_evaluation_voter_idx" ON "evaluation_votes" USING btree ("evaluation_id","voter");