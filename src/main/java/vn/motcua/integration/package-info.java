/**
 * Integration with other systems (the national portal, sector systems, a kiosk) beyond the request-and-answer API:
 * webhooks. A connected system ({@link vn.motcua.organisation.ApiClients}) subscribes an address to the changes of
 * its dossiers (those it received through the API, or every dossier of its unit and the units below); every change
 * (a dossier created, its national status changed, a later date promised) becomes a message in a transactional outbox,
 * written in the transaction that made the change, carrying the national status code and dates as the national
 * portal's synchronisation names them. A sender posts each message, signed with HMAC-SHA256 in the Standard Webhooks
 * scheme, at least once, retried with backoff, one node per message; every attempt is in a delivery log that the
 * system and administrators read, and a message can be sent again (replay). The module owns the tables
 * {@code webhook_*} and reads dossiers through the dossier module's API only.
 */
package vn.motcua.integration;
