/** Where a source's system sends its webhooks: the API's address (this console's origin) and the source's path. */
export const webhookUrl = (webhookPath: string, origin: string = window.location.origin): string =>
  new URL(webhookPath, origin).toString();
