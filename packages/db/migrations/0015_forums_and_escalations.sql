CREATE TABLE "escalation_lifts" (
	"escalation_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"note" text NOT NULL,
	"lifted_on" date NOT NULL,
	"lifted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_lifts_escalation_id_level_pk" PRIMARY KEY("escalation_id","level")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"about_kind" text NOT NULL,
	"case_id" integer,
	"agreement_id" uuid,
	"section" text,
	"organisations" text[] NOT NULL,
	"question" text NOT NULL,
	"level" smallint NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"opened_on" date NOT NULL,
	"resolved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "escalations_level_check" CHECK ("escalations"."level" BETWEEN 1 AND 3),
	CONSTRAINT "escalations_status_check" CHECK ("escalations"."status" IN ('open', 'resolved')),
	CONSTRAINT "escalations_about_check" CHECK ("escalations"."about_kind" IN ('case', 'routine')),
	CONSTRAINT "escalations_case_check" CHECK (("escalations"."about_kind" = 'case') = ("escalations"."case_id" IS NOT NULL)),
	CONSTRAINT "escalations_resolved_check" CHECK (("escalations"."status" = 'resolved') = ("escalations"."resolved_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "forum_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"meeting_id" uuid,
	"source_kind" text NOT NULL,
	"source_id" uuid,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"closed_on" date,
	"link" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_actions_status_check" CHECK ("forum_actions"."status" IN ('open', 'done', 'cancelled')),
	CONSTRAINT "forum_actions_source_check" CHECK ("forum_actions"."source_kind" IN ('meeting', 'evaluation')),
	CONSTRAINT "forum_actions_closed_check" CHECK (("forum_actions"."status" = 'open') = ("forum_actions"."closed_on" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "forum_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"signal_kind" text,
	"signal_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_agenda_items_position_unique" UNIQUE("meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "forum_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_decisions_position_unique" UNIQUE("meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "forum_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"date" date NOT NULL,
	"title" text,
	"status" text NOT NULL,
	"participants" text[] DEFAULT '{}' NOT NULL,
	"justerare" text[] DEFAULT '{}' NOT NULL,
	"held_at" timestamp with time zone,
	"justerat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_meetings_status_check" CHECK ("forum_meetings"."status" IN ('planned', 'held', 'justerat'))
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"members" text[] NOT NULL,
	"chair" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forums_level_check" CHECK ("forums"."level" IN ('lan', 'lokal'))
);
--> statement-breakpoint
ALTER TABLE "escalation_lifts" ADD CONSTRAINT "escalation_lifts_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_owner_organisations_code_fk" FOREIGN KEY ("owner") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_chair_organisations_code_fk" FOREIGN KEY ("chair") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_status_level_idx" ON "escalations" USING btree ("status","level");--> statement-breakpoint
CREATE INDEX "forum_actions_forum_id_idx" ON "forum_actions" USING btree ("forum_id");--> statement-breakpoint
CREATE INDEX "forum_meetings_forum_id_date_idx" ON "forum_meetings" USING btree ("forum_id","date");