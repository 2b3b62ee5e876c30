// The part of swagger-ui-dist's bundle the API reference page uses (the package ships no types).
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  interface SwaggerUIOptions {
    url: string;
    domNode: HTMLElement;
    deepLinking?: boolean;
    tryItOutEnabled?: boolean;
    supportedSubmitMethods?: string[];
    defaultModelsExpandDepth?: number;
    docExpansion?: 'list' | 'full' | 'none';
    validatorUrl?: string | null;
    displayRequestDuration?: boolean;
  }
  const SwaggerUI: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUI;
}
