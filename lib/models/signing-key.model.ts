/** A public key InPost signs its callbacks with: base64 DER SubjectPublicKeyInfo (RSA 2048). */
export interface SigningPublicKey {
  public_key_base64: string;
  version: string;
}

/** Answer of `GET /v1/izi/signing-keys/public`. */
export interface SigningKeys {
  merchant_external_id: string;
  public_keys: SigningPublicKey[];
}

/** Answer of `GET /v1/izi/signing-keys/public/{version}`. */
export interface SigningKey {
  merchant_external_id: string;
  public_key: SigningPublicKey;
}
