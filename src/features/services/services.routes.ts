import type { FastifyInstance } from 'fastify';
import { registerBewaarlijstRoutes } from './bewaarlijst.routes.ts';
import { registerMunicipalityRoutes } from './municipality.routes.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';
import { registerServiceRoutes } from './service.routes.ts';

/** Sociale kaart pages around one offering: detail, report, organisation, municipality, bewaarlijst, API. */
export function registerServicesRoutes(app: FastifyInstance): void {
  registerServiceRoutes(app);
  registerOrganizationRoutes(app);
  registerMunicipalityRoutes(app);
  registerBewaarlijstRoutes(app);
}
