import type { FastifyInstance } from 'fastify';
import { registerContentRoutes } from './content/content.routes.ts';
import { registerCrisisRoutes } from './crisis/crisis.routes.ts';
import { registerHealthRoutes } from './health/health.routes.ts';
import { registerHomeRoutes } from './home/home.routes.ts';
import { registerOpenApiRoutes } from './openapi.routes.ts';
import { registerSearchRoutes } from './search/search.routes.ts';
import { registerServicesRoutes } from './services/services.routes.ts';
import { registerHulpwijzerRoutes } from './hulpwijzer/hulpwijzer.routes.ts';
import { registerHsdsRoutes } from './hsds/hsds.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerAccountRoutes } from './auth/account.routes.ts';
import { registerQuestionsRoutes } from './questions/questions.routes.ts';
import { registerSpreekuurRoutes } from './spreekuur/spreekuur.routes.ts';
import { registerEditingRoutes } from './editing/editing.routes.ts';
import { registerProposalRoutes } from './moderation/proposals.routes.ts';
import { registerModerationRoutes } from './moderation/moderation.routes.ts';
import { registerFreshnessRoutes } from './freshness/freshness.routes.ts';
import { registerUsersRoutes } from './users/users.routes.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerOutboxRoutes } from './outbox/outbox.routes.ts';
import { registerHsdsUploadRoutes } from './hsds/hsds-upload.routes.ts';

/** Every feature registers its own routes; this is the one list of them. */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  registerHealthRoutes(app);
  registerHomeRoutes(app);
  registerCrisisRoutes(app);
  registerContentRoutes(app);
  registerSearchRoutes(app);
  registerOpenApiRoutes(app);
  registerServicesRoutes(app);
  registerHulpwijzerRoutes(app);
  registerHsdsRoutes(app);
  registerAuthRoutes(app);
  registerAccountRoutes(app);
  registerQuestionsRoutes(app);
  registerSpreekuurRoutes(app);
  registerEditingRoutes(app);
  registerProposalRoutes(app);
  registerModerationRoutes(app);
  registerFreshnessRoutes(app);
  registerUsersRoutes(app);
  registerAuditRoutes(app);
  registerOutboxRoutes(app);
  registerHsdsUploadRoutes(app);
}
