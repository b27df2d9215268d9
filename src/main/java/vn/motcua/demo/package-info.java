/**
 * Demo data (profile {@code demo} only, never in production): the organisation of Kiên Giang and demo users.
 */
package vn.motcua.demo;
