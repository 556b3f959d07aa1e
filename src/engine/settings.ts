/** Rule settings as configuration gives them: severity overrides and options, by rule id. */
import type { SeveritySetting } from './finding.js';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export type RuleSettings = Record<string, RuleSetting>;
