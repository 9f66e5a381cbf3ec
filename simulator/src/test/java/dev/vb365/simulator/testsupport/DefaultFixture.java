package dev.vb365.simulator.testsupport;

/**
 * Ids of the simulator's built-in fixture (simulator/src/main/resources/default-fixture.json). They are
 * stable: tests and examples may rely on them. A test in the simulator checks they match the fixture.
 */
public final class DefaultFixture {
  public static final String CONTOSO = "23387270-b482-57cd-a3cd-9ba19e935a1b";
  public static final String CONTOSO_NAME = "contoso.onmicrosoft.com";
  public static final String FABRIKAM = "7620729f-726d-5783-a235-7ed59c1c6cc4";
  public static final String FABRIKAM_NAME = "fabrikam.onmicrosoft.com";

  public static final String ALICE = "08ed8d67-2f4c-52e8-ab44-a269d945e88000000000-0000-0000-0000-000000000000";
  public static final String BOB = "fee43413-1e95-55cf-aad4-78ec7dfa119a00000000-0000-0000-0000-000000000000";
  public static final String INTERN = "1e7da38e-1588-5d6a-88a9-10f1bdc178d300000000-0000-0000-0000-000000000000";
  public static final String USER001 = "c910189a-d69b-51fe-ad32-447d0235c41200000000-0000-0000-0000-000000000000";
  /** A fabrikam user: not usable in contoso jobs. */
  public static final String CAROL = "7fd674f4-813a-5337-b190-8b3ef63fc55e00000000-0000-0000-0000-000000000000";

  public static final String FINANCE_GROUP = "b15be13d-2d9d-508c-83eb-fd0e5213d8fc00000000-0000-0000-0000-000000000000";
  public static final String HR_GROUP = "75f9651a-072c-5095-abdc-09c90cb19fb000000000-0000-0000-0000-000000000000";
  public static final String FINANCE_SITE = "4882886a-07ab-576a-8dff-0758fc61b50497209eea-45de-5e02-8d46-2bbf76cd90de";
  public static final String HR_SITE = "3d7198f1-bc6c-5df9-86ef-a81a8e08a6e921fd00d6-85a1-5bb3-a7e1-b97626b6d9a5";
  public static final String ALICE_PERSONAL_SITE =
      "498c8520-3110-5dc5-9371-1b2c7198a00efaf7bb41-60f4-519c-b97a-8cbaf38f2ddc";
  /** The id of the "IT&Finance" team of the documentation's item example (veeam-docs page 000, example 5). */
  public static final String IT_FINANCE_TEAM = "448c5b66-8dcd-4c75-b636-d3b500bce36f";
  public static final String SALES_TEAM = "8e81134d-8cd7-5e13-93d5-b811c9f285b9";

  public static final String DEFAULT_REPOSITORY = "1ca282ed-d685-5125-a482-10aea47d1918";
  public static final String LONG_TERM_REPOSITORY = "b2f7a5c6-fcf6-578d-9f17-b258c80a8677";
  public static final String PROXY = "d6471d15-f379-5b71-b002-3ab327e5ba87";

  /** Type identifiers that start job item ids (RESTJobItemComposed.id = prefix + object id). */
  public static final String USER_ITEM_PREFIX = "2b38d840-8098-4614-b369-ebce33f9b2c7";
  public static final String GROUP_ITEM_PREFIX = "9592732d-22d8-426a-8167-d9635158e945";
  public static final String SITE_ITEM_PREFIX = "e1fa728c-4150-4724-ab3b-5deda33db0cf";
  public static final String ORGANIZATION_ITEM_PREFIX = "c37da450-6c4b-48c4-87e2-cc557ef5d897";
  public static final String PERSONAL_SITES_ITEM_PREFIX = "9a01bcb3-d2de-4271-96bb-95611ddc70b3";
  public static final String ONEDRIVE_FOLDERS_ITEM_PREFIX = "7f07820e-9e77-4beb-92a3-b31f30bc192c";
  public static final String TEAM_ITEM_PREFIX = "7b985334-bc0e-4791-b30c-d03a1fecc840";

  private DefaultFixture() {
  }
}
