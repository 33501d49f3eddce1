import * as migration_20261129_213445_initial from './20261129_213445_initial';
import * as migration_20261129_215929_petitions_signup from './20261129_215929_petitions_signup';
import * as migration_20261129_220050_site_build_jobs from './20261129_220050_site_build_jobs';
import * as migration_20261129_231820_signature_email_owed from './20261129_231820_signature_email_owed';
import * as migration_20261130_034054_flags_index_by_parent from './20261130_034054_flags_index_by_parent';
import * as migration_20261130_042823_member_email_owed from './20261130_042823_member_email_owed';
import * as migration_20261206_193552_member_retention_erasure from './20261206_193552_member_retention_erasure';
import * as migration_20261206_232448_members_sign_in_registrations from './20261206_232448_members_sign_in_registrations';
import * as migration_20261206_233257_members_display_names_consent from './20261206_233257_members_display_names_consent';
import * as migration_20261207_011750_conversations_and_questions from './20261207_011750_conversations_and_questions';
import * as migration_20261207_012122_questions_reply_box from './20261207_012122_questions_reply_box';
import * as migration_20261207_013827_moderation_message_key from './20261207_013827_moderation_message_key';
import * as migration_20261207_020221_petition_milestones from './20261207_020221_petition_milestones';
import * as migration_20261207_020304_petition_proposals from './20261207_020304_petition_proposals';
import * as migration_20261207_020422_supporter_updates from './20261207_020422_supporter_updates';
import * as migration_20261207_041054_campaign_kinds_and_milestone_updates from './20261207_041054_campaign_kinds_and_milestone_updates';
import * as migration_20261207_070716_drafts_and_versions from './20261207_070716_drafts_and_versions';
import * as migration_20261207_071148_review_gate from './20261207_071148_review_gate';

export const migrations = [
  {
    up: migration_20261129_213445_initial.up,
    down: migration_20261129_213445_initial.down,
    name: '20261129_213445_initial',
  },
  {
    up: migration_20261129_215929_petitions_signup.up,
    down: migration_20261129_215929_petitions_signup.down,
    name: '20261129_215929_petitions_signup',
  },
  {
    up: migration_20261129_220050_site_build_jobs.up,
    down: migration_20261129_220050_site_build_jobs.down,
    name: '20261129_220050_site_build_jobs',
  },
  {
    up: migration_20261129_231820_signature_email_owed.up,
    down: migration_20261129_231820_signature_email_owed.down,
    name: '20261129_231820_signature_email_owed',
  },
  {
    up: migration_20261130_034054_flags_index_by_parent.up,
    down: migration_20261130_034054_flags_index_by_parent.down,
    name: '20261130_034054_flags_index_by_parent',
  },
  {
    up: migration_20261130_042823_member_email_owed.up,
    down: migration_20261130_042823_member_email_owed.down,
    name: '20261130_042823_member_email_owed',
  },
  {
    up: migration_20261206_193552_member_retention_erasure.up,
    down: migration_20261206_193552_member_retention_erasure.down,
    name: '20261206_193552_member_retention_erasure',
  },
  {
    up: migration_20261206_232448_members_sign_in_registrations.up,
    down: migration_20261206_232448_members_sign_in_registrations.down,
    name: '20261206_232448_members_sign_in_registrations',
  },
  {
    up: migration_20261206_233257_members_display_names_consent.up,
    down: migration_20261206_233257_members_display_names_consent.down,
    name: '20261206_233257_members_display_names_consent',
  },
  {
    up: migration_20261207_011750_conversations_and_questions.up,
    down: migration_20261207_011750_conversations_and_questions.down,
    name: '20261207_011750_conversations_and_questions',
  },
  {
    up: migration_20261207_012122_questions_reply_box.up,
    down: migration_20261207_012122_questions_reply_box.down,
    name: '20261207_012122_questions_reply_box',
  },
  {
    up: migration_20261207_013827_moderation_message_key.up,
    down: migration_20261207_013827_moderation_message_key.down,
    name: '20261207_013827_moderation_message_key',
  },
  {
    up: migration_20261207_020221_petition_milestones.up,
    down: migration_20261207_020221_petition_milestones.down,
    name: '20261207_020221_petition_milestones',
  },
  {
    up: migration_20261207_020304_petition_proposals.up,
    down: migration_20261207_020304_petition_proposals.down,
    name: '20261207_020304_petition_proposals',
  },
  {
    up: migration_20261207_020422_supporter_updates.up,
    down: migration_20261207_020422_supporter_updates.down,
    name: '20261207_020422_supporter_updates',
  },
  {
    up: migration_20261207_041054_campaign_kinds_and_milestone_updates.up,
    down: migration_20261207_041054_campaign_kinds_and_milestone_updates.down,
    name: '20261207_041054_campaign_kinds_and_milestone_updates',
  },
  {
    up: migration_20261207_070716_drafts_and_versions.up,
    down: migration_20261207_070716_drafts_and_versions.down,
    name: '20261207_070716_drafts_and_versions',
  },
  {
    up: migration_20261207_071148_review_gate.up,
    down: migration_20261207_071148_review_gate.down,
    name: '20261207_071148_review_gate'
  },
];
