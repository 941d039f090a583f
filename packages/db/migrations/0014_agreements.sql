CREATE TABLE "agreement_deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"section" text NOT NULL,
	"occurred_on" date NOT NULL,
	"organisations" text[] NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "agreement_deviations_kind_check" CHECK ("agreement_deviations"."kind" IN ('avvikelse', 'tvist')),
	CONSTRAINT "agreement_deviations_status_check" CHECK ("agreement_deviations"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "agreement_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"metric" text NOT NULL,
	"params" jsonb NOT NULL,
	"figure" text NOT NULL,
	"target_value" double precision NOT NULL,
	"target_direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_indicators_kind_check" CHECK ("agreement_indicators"."kind" IN ('precondition', 'process', 'result')),
	CONSTRAINT "agreement_indicators_direction_check" CHECK ("agreement_indicators"."target_direction" IN ('at_least', 'at_most'))
);
--> statement-breakpoint
CREATE TABLE "agreement_revisions" (
	"agreement_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text NOT NULL,
	"fields" text[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "agreement_revisions_agreement_id_revision_pk" PRIMARY KEY("agreement_id","revision")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"parties" text[] NOT NULL,
	"target_groups" text[] NOT NULL,
	"municipalities" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"review_by" date NOT NULL,
	"document_url" text,
	"sections" jsonb NOT NULL,
	"status" text NOT NULL,
	"revision" integer NOT NULL,
	"replaced_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" IN ('draft', 'active', 'under_review', 'expired', 'replaced')),
	CONSTRAINT "agreements_level_check" CHECK ("agreements"."level" IN ('lan', 'lokal')),
	CONSTRAINT "agreements_validity_check" CHECK ("agreements"."valid_to" IS NULL OR "agreements"."valid_to" >= "agreements"."valid_from"),
	CONSTRAINT "agreements_revision_check" CHECK ("agreements"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "agreement_deviations" ADD CONSTRAINT "agreement_deviations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_indicators" ADD CONSTRAINT "agreement_indicators_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_revisions" ADD CONSTRAINT "agreement_revisions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_replaced_by_agreements_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_deviations_agreement_id_idx" ON "agreement_deviations" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_indicators_agreement_id_idx" ON "agreement_indicators" USING btree ("agreement_id");