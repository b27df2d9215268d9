/**
 * Organisation: the tree of units (province, district, commune and their departments), users and their roles.
 */
package vn.motcua.organisation;
