package dev.vb365.operator.veeam.model;

/** A SharePoint site. VB365 requires id, url, title, isCloud and isPersonal when a site is sent back in a job item. */
public record Site(String id, String url, String name, String title, String parentUrl, Boolean isCloud,
        Boolean isPersonal) {
}
