import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Consent,
  ConsentOverview,
  ConsentParams,
  FlaggedConsentPage,
  LegalBasis,
  LegalBasisDecisionBody,
  LegalBasisOnlyParams,
  LegalBasisParams,
  LegalBasisReviewPage,
  NewConsentBody,
  NewLegalBasisBody,
  PersonNoticeQuery,
  ShareCheckBody,
  ShareDecision,
  WithdrawalBody,
  WithdrawalResult,
} from '../../../common/consent.ts';
import { InformationNotice } from '../../../common/content-notice.ts';
import { PersonParams } from '../../../common/people.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { getConsentOverview, listFlaggedConsents, recordConsent } from './consent.service.ts';
import {
  decideLegalBasis,
  listLegalBasesForReview,
  recordLegalBasis,
  reviewLegalBasis,
} from './legal-basis.service.ts';
import { showInformationNotice } from './notice.service.ts';
import { checkShareFor } from './share.service.ts';
import { withdrawConsent } from './withdrawal.service.ts';

/**
 * Consent, legal bases, the share check and the information notice of a person: the case team (caseworkers and
 * focal points who see the person) records and reads them; a focal point decides vital and public interest and
 * sees the consents flagged for quality; the data protection officer decides legal obligations and reviews every
 * basis other than consent.
 */
export function consentRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['consent'];
  const caseTeam = access.roles('caseworker', 'focal-point');
  return async (app) => {
    app.get(
      '/api/people/:personId/consents',
      {
        config: { access: caseTeam },
        schema: { tags, params: PersonParams, response: { 200: ConsentOverview } },
      },
      (request) => getConsentOverview(contextOf(request, deps), request.params.personId),
    );
    app.post(
      '/api/people/:personId/consents',
      {
        config: { access: caseTeam },
        schema: { tags, params: PersonParams, body: NewConsentBody, response: { 201: Consent } },
      },
      async (request, reply) => {
        const consent = await recordConsent(contextOf(request, deps), {
          ...request.params,
          body: request.body,
        });
        return reply.status(201).send(consent);
      },
    );
    app.post(
      '/api/people/:personId/consents/:consentId/withdrawal',
      {
        config: { access: caseTeam },
        schema: { tags, params: ConsentParams, body: WithdrawalBody, response: { 200: WithdrawalResult } },
      },
      (request) => withdrawConsent(contextOf(request, deps), { ...request.params, body: request.body }),
    );
    app.get(
      '/api/consents/flagged',
      {
        config: { access: access.roles('focal-point') },
        schema: { tags, response: { 200: FlaggedConsentPage } },
      },
      (request) => listFlaggedConsents(contextOf(request, deps)),
    );
    app.post(
      '/api/people/:personId/legal-bases',
      {
        config: { access: caseTeam },
        schema: { tags, params: PersonParams, body: NewLegalBasisBody, response: { 201: LegalBasis } },
      },
      async (request, reply) => {
        const basis = await recordLegalBasis(contextOf(request, deps), {
          ...request.params,
          body: request.body,
        });
        return reply.status(201).send(basis);
      },
    );
    app.post(
      '/api/people/:personId/legal-bases/:legalBasisId/decision',
      {
        config: { access: access.roles('focal-point', 'dpo') },
        schema: {
          tags,
          params: LegalBasisParams,
          body: LegalBasisDecisionBody,
          response: { 200: LegalBasis },
        },
      },
      (request) => decideLegalBasis(contextOf(request, deps), { ...request.params, ...request.body }),
    );
    app.get(
      '/api/legal-bases/review',
      { config: { access: access.roles('dpo') }, schema: { tags, response: { 200: LegalBasisReviewPage } } },
      (request) => listLegalBasesForReview(contextOf(request, deps)),
    );
    app.post(
      '/api/legal-bases/:legalBasisId/review',
      {
        config: { access: access.roles('dpo') },
        schema: { tags, params: LegalBasisOnlyParams, response: { 200: LegalBasis } },
      },
      (request) => reviewLegalBasis(contextOf(request, deps), request.params.legalBasisId),
    );
    app.post(
      '/api/people/:personId/share-check',
      {
        config: { access: caseTeam },
        schema: { tags, params: PersonParams, body: ShareCheckBody, response: { 200: ShareDecision } },
      },
      (request) => checkShareFor(contextOf(request, deps), { ...request.params, body: request.body }),
    );
    app.get(
      '/api/people/:personId/notice',
      {
        config: { access: caseTeam },
        schema: {
          tags,
          params: PersonParams,
          querystring: PersonNoticeQuery,
          response: { 200: InformationNotice },
        },
      },
      (request) =>
        showInformationNotice(contextOf(request, deps), { ...request.params, locale: request.query.locale }),
    );
  };
}
