/**
 * Bolt's InstallationStore over the database (`store.installations`), for multi-workspace OAuth
 * installs: every bot replica sees an install at once, and an uninstall removes the tokens. Keyed
 * by the enterprise id for org-wide installs, by the team id otherwise.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../../../memory/store.js';
import { CastMatchError } from '../../../errors/castmatch-error.js';

const PLATFORM = 'slack';

/** No installation is stored for the workspace (it never installed the app, or uninstalled it). */
export class SlackNotInstalledError extends CastMatchError<'slack_not_installed'> {
  constructor(workspace: string) {
    super('slack_not_installed', `CastMatch is not installed in Slack workspace ${workspace}`);
  }
}

export class DatabaseInstallationStore implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const workspace = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
    if (!workspace) throw new Error('Slack installation without a team or enterprise id');
    await this.store.installations.save({
      platform: PLATFORM,
      workspace,
      data: installation as unknown as Record<string, unknown>,
      updatedAt: this.now(),
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const record = await this.store.installations.get(PLATFORM, keyOf(query));
    if (!record) throw new SlackNotInstalledError(keyOf(query));
    return record.data as unknown as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.installations.delete(PLATFORM, keyOf(query));
  }
}

function keyOf(query: InstallationQuery<boolean>): string {
  const key = query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : (query.teamId ?? query.enterpriseId);
  if (!key) throw new Error('Slack installation query without a team or enterprise id');
  return key;
}
