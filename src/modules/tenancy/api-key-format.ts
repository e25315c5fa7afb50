const API_KEY_PATTERN = /^cdk_(key_[0-9a-z]{26})_([0-9a-f]{64})$/;

/** API keys read `cdk_<key id>_<secret>`: the id finds the row, the secret proves possession. */
export function formatApiKey(id: string, secret: string): string {
  return `cdk_${id}_${secret}`;
}

export function parseApiKey(token: string): { id: string; secret: string } | undefined {
  const match = API_KEY_PATTERN.exec(token);
  return match ? { id: match[1] as string, secret: match[2] as string } : undefined;
}
